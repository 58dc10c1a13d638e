import Foundation
import VirtualCPSCard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// One vpcd reader slot: while a card is inserted, keeps a TCP connection to pcscd's vpcd driver (the card side) and
/// answers its frames; pulling the card closes the connection, which vpcd reports as card absent.
final class ReaderSlot: Sendable {
    let index: Int
    let host: String
    let port: UInt16
    let rack: CardRack

    init(index: Int, host: String, port: UInt16, rack: CardRack) {
        self.index = index
        self.host = host
        self.port = port
        self.rack = rack
    }

    func start() {
        let thread = Thread { [self] in
            self.run()
        }
        thread.name = "vpcd-slot-\(index)"
        thread.start()
    }

    private func run() {
        while true {
            let slot = rack.slot(index)
            guard slot.inserted else {
                usleep(50_000)
                continue
            }
            let fd: Int32
            do {
                fd = try Socket.connectTCP(host: host, port: port)
            } catch {
                // pcscd not (yet) running or restarting: try again shortly, like a card waiting in the reader.
                usleep(200_000)
                continue
            }
            serve(fd, generation: slot.generation)
            close(fd)
        }
    }

    /// Answers vpcd until the card is pulled (generation changes) or vpcd closes.
    private func serve(_ fd: Int32, generation: Int) {
        while rack.slot(index).generation == generation {
            guard Socket.waitReadable(fd, milliseconds: 100) else {
                continue
            }
            guard let frame = VPCDFrame.read(fd) else {
                return
            }
            if frame.count == 1 {
                guard handleControl(fd, frame[0]) else {
                    return
                }
                continue
            }
            guard !frame.isEmpty else {
                continue
            }
            let delay = rack.slot(index).faults.replyDelayMilliseconds
            if delay > 0 {
                usleep(UInt32(delay) * 1000)
            }
            let outcome = rack.withEngine(reader: index) { engine, faults in
                faults.apply { engine.process(frame) }
            }
            switch outcome {
            case .answer(let reply)?:
                guard Socket.writeAll(fd, VPCDFrame.encode(reply)) else {
                    return
                }
            case .removeCard?:
                rack.faultRemoved(reader: index)
                return
            case nil:
                return
            }
        }
    }

    private func handleControl(_ fd: Int32, _ command: UInt8) -> Bool {
        switch command {
        case VPCDFrame.powerOff, VPCDFrame.powerOn, VPCDFrame.reset:
            _ = rack.withEngine(reader: index) { engine, _ in engine.reset() }
            return true
        case VPCDFrame.requestATR:
            guard let atr = rack.withEngine(reader: index, { engine, _ in engine.atr }) else {
                return false
            }
            return Socket.writeAll(fd, VPCDFrame.encode(atr))
        default:
            return true
        }
    }
}
