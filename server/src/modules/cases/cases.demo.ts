export async function seedCasesDemo(): Promise<void> {}
