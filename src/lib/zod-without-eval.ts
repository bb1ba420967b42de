// The app's `zod`: every `import … from 'zod'` in the browser build resolves here (vite.config.ts).
// The app runs under a content security policy without 'unsafe-eval'; zod's faster parsing probes
// `new Function`, which that policy reports as a violation even when the probe is caught. As a module
// that every zod user imports, this runs before any schema is used anywhere.
import * as z from 'zod/v4';

z.config({ jitless: true });

export * from 'zod/v4';
export { z };
