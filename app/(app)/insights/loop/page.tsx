import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { InsightsView } from '../insights-view'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('InsightsPage'))('loopTitle') }
}

/** Every checklist item of the loop and the lessons that never became one, with the same filters. */
export default function InsightsLoopPage({ searchParams }: PageProps<'/insights/loop'>) {
  return <InsightsView searchParams={searchParams} view="loop" />
}
