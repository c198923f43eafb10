import mongoose, { Schema } from 'mongoose'

/**
 * The public text of an echo-wall item, stripped of personal data once and stored: the wall shows
 * these fields and its search reads only `search`, so nothing hidden can be found by probing.
 * `basis` says what it was computed from (the case's last event and the stripper's rules), so a
 * changed case or improved rules recompute it.
 */
const echoTextSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true }, // the case id
    basis: { type: String, required: true },
    title: { type: String, required: true },
    description: { type: String, required: true },
    reply: { type: String, default: null },
    search: { type: String, required: true },
  },
  { collection: 'echo_wall_texts', versionKey: false },
)
export const EchoTextModel = mongoose.model('EchoText', echoTextSchema)
