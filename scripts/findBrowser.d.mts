export declare const BROWSER_NAMES: readonly string[];
export declare function isExecutable(file: string): boolean;
export declare function findOnPath(name: string, pathVariable: string | undefined): string | undefined;
export interface FoundBrowser {
  path: string;
  source: 'CHROME_PATH' | 'PATH';
  /** False when CHROME_PATH names something that is not an executable file. */
  usable: boolean;
}
export declare function findBrowser(env?: NodeJS.ProcessEnv): FoundBrowser | undefined;
