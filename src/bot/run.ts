export async function runBot(..._args: unknown[]): Promise<void> { throw new Error("Discord bot not built yet"); }
