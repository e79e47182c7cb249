/// <reference types="vite/client" />
// Lets TypeScript accept CSS side-effect imports (uPlot styles, page CSS) that vite bundles.
