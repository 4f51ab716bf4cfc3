// Only the list itself: a loading.tsx above pages that answer 403 or 404 would stream them as 200.
import { ListSkeleton } from '@/components/ui/list-skeleton'

export default function Loading() {
  return <ListSkeleton />
}
