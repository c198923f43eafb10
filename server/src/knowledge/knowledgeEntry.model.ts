import mongoose, { Schema, type HydratedDocument, type InferSchemaType } from 'mongoose'
import { clearOnWrite, memoryCache } from '../db/memoryCache'
import { indexEntry, type IndexedEntry } from './searchIndex'

const knowledgeEntrySchema = new Schema(
  {
    /** The district whose admins keep it (tenants/); null = the default tenant. */
    tenantId: { type: Schema.Types.ObjectId, ref: 'Tenant', default: null },
    question: { type: String, required: true, maxlength: 200 },
    answer: { type: String, required: true, maxlength: 2000 },
    categoryCode: { type: String, default: null },
    keywords: { type: [String], default: [] },
    policySource: { type: String, default: '' },
    published: { type: Boolean, default: false },
  },
  { timestamps: true },
)

export type KnowledgeEntryDocument = HydratedDocument<InferSchemaType<typeof knowledgeEntrySchema>>

/**
 * The published entries, segmented once and held in memory: searched on every keystroke pause,
 * from a table of tens to a few hundred rows. One read per 30 s (or after a write here) beats a
 * `$regex` scan per request — FerretDB decodes every row for it — and jieba words match
 * 「路灯不亮」 to 「路灯坏了」, which a substring search would not.
 */
export const publishedKnowledge = memoryCache(async (): Promise<IndexedEntry[]> =>
  (await KnowledgeEntryModel.find({ published: true }).sort({ _id: 1 })).map((row) =>
    indexEntry(presentKnowledgeEntry(row)),
  ),
)
clearOnWrite(knowledgeEntrySchema, publishedKnowledge)

export const KnowledgeEntryModel = mongoose.model('KnowledgeEntry', knowledgeEntrySchema)

export const presentKnowledgeEntry = (row: KnowledgeEntryDocument) => ({
  id: String(row._id),
  question: row.question,
  answer: row.answer,
  categoryCode: row.categoryCode ?? null,
  keywords: [...row.keywords],
  policySource: row.policySource ?? '',
  published: row.published,
})
