/** Tables of the workflow module; merged into the Database interface in ../schema.ts. */
// biome-ignore lint/suspicious/noEmptyInterface: filled in as the module gains tables
export interface WorkflowTables {}
