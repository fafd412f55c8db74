/** Types of scripts/cacheFolder.js for the TypeScript that shares it. */
export function cacheFolder(root: string, outDir?: string): string;
