import { LaunchField } from './launch-field'

/**
 * The launch filter of the lists, search and insights: nothing when there is no launch yet, else
 * a field that names the launch the page is filtered by and suggests the others as one types.
 * A server component: the launches it is given stay on the server; the field asks for the ones
 * it suggests (decision 052).
 */
export function LaunchFilter({
  launches,
  value,
  label,
  placeholder,
}: {
  /** The launches the page already read (the newest of them, `findTaxonomy`). */
  launches: { slug: string; name: string }[]
  /** The slug the page is filtered by. */
  value: string | undefined
  label: string
  placeholder: string
}) {
  if (!launches.length) return null
  const current = launches.find((l) => l.slug === value)?.name
  return <LaunchField label={label} value={value} current={current} placeholder={placeholder} />
}
