/** Every fault's journal note begins so; the request log marks the entry by it. */
export const FAULT_NOTE = 'Fault injected: ';
