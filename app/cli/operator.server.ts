import { parseArgs } from 'node:util'
import { z } from 'zod'
import { createOperator } from '~/identity/create-operator.server'
import { invitationSettings } from '~/identity/invite-person.server'
import { type Command } from './probity.server'

const USAGE = 'Usage: npm run probity -- operator create --email someone@example.org --name "Full Name"'

const OperatorSchema = z.object({
  name: z.string({ error: 'give --name' }).trim().min(1, 'give --name').max(200),
  email: z.string({ error: 'give --email' }).trim().max(254).pipe(z.email('give an e-mail address')),
})

/** Operators are made here only: whoever runs commands on the server hosts it. */
export const operatorCommand: Command = async (context, args) => {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: false,
    options: { name: { type: 'string' }, email: { type: 'string' } },
  })
  if (positionals[0] !== 'create') return { code: 2, out: USAGE }
  const parsed = OperatorSchema.safeParse(values)
  if (!parsed.success) return { code: 2, out: `${parsed.error.issues.map((i) => i.message).join('; ')}\n${USAGE}` }
  const created = await createOperator(context.database.db, parsed.data, invitationSettings(context.config))
  if (!created.ok) return { code: 1, out: `${parsed.data.email} already has a Probity account.` }
  return {
    code: 0,
    out: [
      `Operator ${parsed.data.name} <${parsed.data.email}> added. They choose their password with this one-time link:`,
      `  ${created.link.url}`,
    ].join('\n'),
  }
}
