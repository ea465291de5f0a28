import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HEAP_GROWING_PERCENT, tightenHeapGrowth } from '../../src/engine/heap.js';

describe('tightenHeapGrowth', () => {
  const options = process.env.NODE_OPTIONS;
  afterEach(() => {
    vi.restoreAllMocks();
    if (options === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = options;
  });

  it('sets the heap growing factor for the process', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    delete process.env.NODE_OPTIONS;
    tightenHeapGrowth();
    expect(set).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  });

  it('keeps a factor the user gave to node', () => {
    const set = vi.spyOn(v8, 'setFlagsFromString').mockImplementation(() => {});
    process.env.NODE_OPTIONS = '--heap_growing_percent=300';
    tightenHeapGrowth();
    expect(set).not.toHaveBeenCalled();
  });
});
