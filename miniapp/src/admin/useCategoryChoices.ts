import { fetchCategories, type CategoryNode } from '../api/cases'
import { useLoader } from './useLoader'

export interface CategoryChoice {
  code: string | null
  name: string
}

/** Every category of the tree as one list, children named after their parents ("市政·路灯"). */
const flatten = (nodes: CategoryNode[], prefix = ''): CategoryChoice[] =>
  nodes.flatMap((node) => [
    { code: node.code, name: `${prefix}${node.name}` },
    ...flatten(node.children ?? [], `${prefix}${node.name}·`),
  ])

/**
 * The categories a console form offers in a picker, first the choice that means "any category"
 * (`anyLabel`, code null), and the name to show for a stored code.
 */
export function useCategoryChoices(anyLabel: string) {
  const categories = useLoader(
    async () => [{ code: null, name: anyLabel }, ...flatten(await fetchCategories())],
    [anyLabel],
  )
  const choices = categories.data ?? []
  const nameOf = (code: string | null) =>
    choices.find((category) => category.code === code)?.name ?? code ?? anyLabel
  return { choices, nameOf }
}
