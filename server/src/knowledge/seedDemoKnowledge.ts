import { knowledgeEntryInputSchema } from '@minqing/shared'
import { demoKnowledgeEntries } from './demoEntries'
import { KnowledgeEntryModel } from './knowledgeEntry.model'

/** The demo's knowledge base, written once with the rest of the demo (the seed marker guards it). */
export async function seedDemoKnowledge(): Promise<void> {
  await KnowledgeEntryModel.insertMany(
    demoKnowledgeEntries.map((entry) => knowledgeEntryInputSchema.parse(entry)),
  )
}
