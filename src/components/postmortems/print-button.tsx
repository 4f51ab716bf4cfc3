'use client'

import { Printer } from 'lucide-react'
import { Button } from '@/components/ui/button'

export function PrintButton({ label }: { label: string }) {
  return (
    <Button type="button" variant="ghost" size="sm" onClick={() => window.print()}>
      <Printer aria-hidden />
      {label}
    </Button>
  )
}
