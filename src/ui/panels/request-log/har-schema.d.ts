// har-schema ships JSON Schemas without types; the HAR test needs only this much.
declare module 'har-schema' {
  const schemas: Record<string, object> & { har: object };
  export default schemas;
}
