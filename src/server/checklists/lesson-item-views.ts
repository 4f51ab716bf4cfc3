import 'server-only'

export type LessonDraft = {
  lessonId: string
  postmortem: { number: number; title: string }
  /** Prefilled wording and rationale for the new item. */
  text: string
  rationale: string
  /** The checklist items the lesson already became: the page links to them instead. */
  items: { id: string; text: string; template: { id: string; name: string } }[]
}

export type LessonItems = Record<
  string,
  { id: string; text: string; template: { id: string; name: string }; archived: boolean }[]
>
