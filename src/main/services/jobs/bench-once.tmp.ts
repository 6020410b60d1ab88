import { runBulkBench } from './bench';
console.log(JSON.stringify(await runBulkBench({ faultRate: Number(process.env.FR ?? 0) }), null, 1));
