// Preloaded into a test server (NODE_OPTIONS=--import) to run it some days in
// the future, for flows that must wait for a date to pass (a consultation's
// closing date). Production code has no clock hook at all, so nothing in the
// build or its configuration can move the clock; only a process started with
// this test file preloaded runs shifted.
const days = Number(process.env.PROBITY_TEST_CLOCK_OFFSET_DAYS)
// Preloaded without a usable offset is a mistake in the test, not "no shift".
if (!Number.isFinite(days) || days <= 0) {
  throw new Error(
    `shift-clock.mjs needs PROBITY_TEST_CLOCK_OFFSET_DAYS, a positive number of days (got ${process.env.PROBITY_TEST_CLOCK_OFFSET_DAYS})`,
  )
}
const offset = days * 86_400_000
const RealDate = Date
const shiftedNow = () => RealDate.now() + offset

// A proxy rather than a subclass: dates made from it are ordinary Dates, and
// Date() called without `new` still returns the (shifted) time as a string.
const ShiftedDate = new Proxy(RealDate, {
  construct(target, args, newTarget) {
    return Reflect.construct(target, args.length === 0 ? [shiftedNow()] : args, newTarget)
  },
  apply() {
    return new RealDate(shiftedNow()).toString()
  },
  get(target, property, receiver) {
    if (property === 'now') return shiftedNow
    return Reflect.get(target, property, receiver)
  },
})
// Code that checks `value.constructor === Date` still recognises its dates.
Object.defineProperty(RealDate.prototype, 'constructor', { value: ShiftedDate, writable: true, configurable: true })
globalThis.Date = ShiftedDate
