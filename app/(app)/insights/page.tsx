import type { Metadata } from 'next'
import { getTranslations } from 'next-intl/server'
import { InsightsView } from './insights-view'

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations('InsightsPage'))('title') }
}

export default function InsightsPage({ searchParams }: PageProps<'/insights'>) {
  return <InsightsView searchParams={searchParams} view="overview" />
}
