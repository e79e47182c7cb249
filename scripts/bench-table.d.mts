// Types for scripts/bench-table.mjs (plain JavaScript so `node` runs it without a build step).
import type { Results } from '../bench/lib/report';

export declare const START: string;
export declare const END: string;
export declare function renderTable(results: Results): string;
export declare function tableInReadme(readme: string): string | null;
