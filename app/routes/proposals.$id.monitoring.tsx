import { type LoaderFunctionArgs } from '@remix-run/node'
import { Outlet } from '@remix-run/react'
import { StageErrorBoundary } from '~/components/stage-closed'
import { requireStage } from '~/workflow/proposal-stages.server'

/** The monitoring pages exist only while the proposal can reach that stage or has been there (the machine decides). */
export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireStage(request, params, 'monitoring')
  return null
}

export default function MonitoringStage() {
  return <Outlet />
}

export function ErrorBoundary() {
  return <StageErrorBoundary />
}
