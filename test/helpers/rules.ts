import { loadRules } from '../../src/config/rules.js';

export const defaultRules = loadRules();
