// The sequence lives with the database capabilities (atomic $inc on MongoDB, insert claims on FerretDB).
export { nextSequence } from '../db/sequence'
