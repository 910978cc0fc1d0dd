import { useForm, type DefaultValue, type SubmissionResult } from '@conform-to/react'
import { getZodConstraint, parseWithZod } from '@conform-to/zod/v4'
import { useActionData } from '@remix-run/react'
import { type z } from 'zod'

/** What an action answers to a page with several forms: which form it was for, and Conform's result. */
export type IntentReply = { intent: string; result: SubmissionResult<string[]> }

type Options<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>> = {
  id: string
  /** The form's `intent`: the action's answer is shown only by the form it was for. */
  intent: string
  /** Narrows further when one intent has a form per item (e.g. per recommendation). */
  match?: (reply: IntentReply & Record<string, unknown>) => boolean
  defaultValue?: DefaultValue<z.input<Schema>>
}

/**
 * A Conform form checked in the browser by the same zod schema the action
 * uses, re-checked as the person types once it has shown an error, and showing
 * the action's answer (field errors, a refusal) when that answer was for it.
 * Every field the schema requires must be in the form, hidden or not: a
 * missing one blocks sending with no message to show.
 */
export function useIntentForm<Schema extends z.ZodType<Record<string, unknown>, Record<string, unknown>>>(
  schema: Schema,
  { id, intent, match = () => true, defaultValue }: Options<Schema>,
) {
  const reply = useActionData<IntentReply & Record<string, unknown>>()
  return useForm<z.input<Schema>, z.output<Schema>>({
    id,
    defaultValue,
    lastResult: reply?.intent === intent && match(reply) ? reply.result : undefined,
    constraint: getZodConstraint(schema),
    onValidate: ({ formData }) => parseWithZod(formData, { schema }),
    shouldRevalidate: 'onInput',
  })
}
