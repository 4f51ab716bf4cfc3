import { useTranslations } from '@/i18n/use-translations'

/** The first Tab stop of every page: past the navigation, straight to the page's <main id="main">. */
export function SkipLink() {
  const t = useTranslations('Common')
  return (
    <a
      href="#main"
      className="sr-only z-50 rounded-md bg-primary text-sm font-medium text-primary-foreground focus:not-sr-only focus:fixed focus:top-3 focus:left-3 focus:px-3 focus:py-2 focus:shadow-lg"
    >
      {t('skipToContent')}
    </a>
  )
}
