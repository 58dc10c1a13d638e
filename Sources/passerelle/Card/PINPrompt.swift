import CPS
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Reads the code porteur: from the terminal with echo off, or as one line of standard input when it is not a
/// terminal (scripts, tests). Never from an argument or the environment, never into a `String`: the bytes go
/// straight into `CardPIN`, and the buffer is zeroed.
enum PINPrompt {
    /// Longest line accepted; anything longer is refused without being kept.
    static let maximumLength = 32

    static func read(prompt: String = "Code porteur : ") throws(AnyPasserelleError) -> CardPIN {
        var typed: [UInt8] = []
        typed.reserveCapacity(maximumLength + 1)
        defer {
            for index in typed.indices {
                typed[index] = 0
            }
        }
        if isatty(STDIN_FILENO) == 1 {
            FileHandle.standardError.write(Data(prompt.utf8))
            TerminalEcho.withEchoOff {
                readLine(into: &typed)
            }
            FileHandle.standardError.write(Data("\n".utf8))
        } else {
            readLine(into: &typed)
        }
        guard !typed.isEmpty else {
            throw AnyPasserelleError(CardCommandError.pinNotEntered)
        }
        do {
            return try CardPIN(typed: &typed)
        } catch {
            throw AnyPasserelleError(error)
        }
    }

    /// One line from standard input, byte by byte (no buffering layer keeps a copy); `\r` and `\n` are dropped.
    private static func readLine(into typed: inout [UInt8]) {
        var byte: UInt8 = 0
        while readByte(&byte) == 1 {
            if byte == 0x0A {
                break
            }
            if byte != 0x0D && typed.count <= maximumLength {
                typed.append(byte)
            }
        }
        byte = 0
    }
}

private func readByte(_ byte: inout UInt8) -> Int {
    read(STDIN_FILENO, &byte, 1)
}

/// Terminal echo switched off while the PIN is typed, and restored even on Ctrl-C.
enum TerminalEcho {
    static func withEchoOff(_ body: () -> Void) {
        var original = termios()
        guard tcgetattr(STDIN_FILENO, &original) == 0 else {
            body()
            return
        }
        savedTerminal = original
        var silent = original
        silent.c_lflag &= ~tcflag_t(ECHO | ECHONL)
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent)
        let previous = signal(SIGINT, restoreAndExit)
        body()
        _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &original)
        signal(SIGINT, previous)
    }
}

/// The terminal settings to put back from the SIGINT handler (a C function pointer cannot capture context).
nonisolated(unsafe) private var savedTerminal = termios()

private func restoreAndExit(_ signal: Int32) {
    _ = tcsetattr(STDIN_FILENO, TCSAFLUSH, &savedTerminal)
    _exit(130)
}
