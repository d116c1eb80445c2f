import Testing
@testable import MTLintCLI

/// Run as the process, mtlint ends holding its linters (the kernel frees them with the
/// process); run in-process, it holds nothing, so a test or a long-lived caller keeps no memory.
@Suite struct HeldUntilExitTests {
    @Test func aProcessRunHoldsItsLintersAndAnInProcessRunNone() {
        let held = HeldUntilExit()
        let status = HeldUntilExit.$current.withValue(held) {
            MTLintCommand.run(["lint", "-"], console: Console(capturingWithInput: Array("A line, ”he said\n".utf8)))
        }
        #expect(status == 1)
        #expect(held.count == 1)
        // Outside the scope nothing holds: the next run releases its linters.
        #expect(HeldUntilExit.current == nil)
        #expect(runMTLint(["lint", "-"], stdin: "A clean sentence.\n").status == 0)
        #expect(held.count == 1)
    }
}
