import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { InsightsView } from '../insights-view'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('InsightsPage'))('repeatsTitle') }
}

/** The newest repeat incidents (the JSON has the same), with the same filters. */
export default function InsightsRepeatsPage({ searchParams }: PageProps<'/insights/repeats'>) {
  return <InsightsView searchParams={searchParams} view="repeats" />
}
