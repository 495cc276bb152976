/** Peak RSS of this process in kilobytes (VmHWM on Linux, else getrusage's maxRSS). */
export function peakKb(): number;
