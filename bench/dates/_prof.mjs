import { DateColumnAccumulator } from '../../dist/src/detectors/dates/index.js';
const N = 300000; const p2 = (n) => String(n).padStart(2, '0');
let col = []; for (let i = 0; i < N; i++) col.push(`20${p2(i%25)}-${p2(1+i%12)}-${p2(1+i%28)}T${p2(i%24)}:${p2(i%60)}:${p2((i*7)%60)}Z`);
col = JSON.parse(JSON.stringify(col));
for (let r=0;r<3;r++){
const acc = new DateColumnAccumulator('date'); const t0 = performance.now();
for (let i=0;i<N;i++) acc.add(col[i]);
console.log((performance.now()-t0)/N*1000, 'us/value');
}
