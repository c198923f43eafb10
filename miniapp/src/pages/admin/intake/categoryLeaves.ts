import type { CategoryNode } from '../../../api/cases'

export interface CategoryLeaf {
  code: string
  label: string
}

/** Every category a case can be filed under (leaves), labelled with its parent: "文化 / 农家书屋". */
export function categoryLeaves(nodes: CategoryNode[], parent = ''): CategoryLeaf[] {
  return nodes.flatMap((node) => {
    const label = parent ? `${parent} / ${node.name}` : node.name
    return node.children.length ? categoryLeaves(node.children, label) : [{ code: node.code, label }]
  })
}

/** The leaves whose label contains every typed word; all of them when nothing is typed. */
export function matchCategories(leaves: CategoryLeaf[], query: string): CategoryLeaf[] {
  const words = query.trim().split(/\s+/).filter(Boolean)
  return words.length ? leaves.filter((leaf) => words.every((word) => leaf.label.includes(word))) : leaves
}
