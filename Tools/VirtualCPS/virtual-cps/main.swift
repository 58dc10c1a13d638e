import Foundation
import VirtualCPSCard

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// virtual-cps: a CPS3 test card for pcscd's vpcd driver (tests only: vpcd listens on every interface).
///
///   virtual-cps [serve] --cards cards.json [--host 127.0.0.1] [--port 35963] [--readers 2]
///                       [--control /tmp/virtual-cps.sock] [--empty]
///   virtual-cps ctl [--control path] <status|insert [card]|remove|select <card>|fault …> [--reader N]
let usage = """
    usage: virtual-cps [serve] --cards <cards.json> | --card-dir <dir>  [--host H] [--port P] [--readers N]
                       [--control <socket>] [--empty]
           virtual-cps ctl [--control <socket>] status | insert [card] | remove | select <card>
                       | fault garble | fault remove-mid-transaction [n] | fault slow <ms> | fault clear  [--reader N]
    """

struct Options {
    var cardsFile: String?
    var host = "127.0.0.1"
    var port: UInt16 = 35963
    var readers = 2
    var control = ProcessInfo.processInfo.environment["VIRTUAL_CPS_CONTROL"] ?? "/tmp/virtual-cps.sock"
    var insertAtStart = true
    var rest: [String] = []
}

func parse(_ arguments: [String]) -> Options? {
    var options = Options()
    var index = 0
    while index < arguments.count {
        let argument = arguments[index]
        let value = index + 1 < arguments.count ? arguments[index + 1] : nil
        switch argument {
        case "--cards":
            options.cardsFile = value
            index += 1
        case "--card-dir":
            options.cardsFile = value.map { $0 + "/cards.json" }
            index += 1
        case "--host":
            options.host = value ?? options.host
            index += 1
        case "--port":
            guard let port = value.flatMap({ UInt16($0) }) else {
                return nil
            }
            options.port = port
            index += 1
        case "--readers":
            guard let count = value.flatMap({ Int($0) }), (1...4).contains(count) else {
                return nil
            }
            options.readers = count
            index += 1
        case "--control":
            options.control = value ?? options.control
            index += 1
        case "--empty":
            options.insertAtStart = false
        default:
            options.rest.append(argument)
        }
        index += 1
    }
    return options
}

func fail(_ message: String, code: Int32 = 2) -> Never {
    FileHandle.standardError.write(Data((message + "\n").utf8))
    exit(code)
}

// A parent may start us from a thread that blocks signals (Foundation's Process keeps the caller's mask): unblock
// them so SIGTERM and SIGINT stop the simulator.
var unblocked = sigset_t()
sigemptyset(&unblocked)
for number in [SIGTERM, SIGINT, SIGHUP] {
    sigaddset(&unblocked, number)
}
pthread_sigmask(SIG_UNBLOCK, &unblocked, nil)

var arguments = Array(CommandLine.arguments.dropFirst())
let mode = arguments.first == "ctl" ? "ctl" : "serve"
if arguments.first == "ctl" || arguments.first == "serve" {
    arguments.removeFirst()
}
guard let options = parse(arguments) else {
    fail(usage)
}

if mode == "ctl" {
    guard !options.rest.isEmpty else {
        fail(usage)
    }
    let line = options.rest.joined(separator: " ")
    do {
        let fd = try Socket.connectUnix(path: options.control)
        _ = Socket.writeAll(fd, Array((line + "\n").utf8))
        let reply = Socket.readLine(fd) ?? "{\"ok\":false,\"error\":\"no reply\"}"
        close(fd)
        print(reply)
        exit(reply.contains("\"ok\":true") ? 0 : 1)
    } catch {
        fail("\(error)", code: 3)
    }
}

guard let cardsFile = options.cardsFile else {
    fail("virtual-cps: --cards <cards.json> (or --card-dir) is required\n" + usage)
}
let engines: [CardEngine]
do {
    let catalog = try CardCatalog.load(from: URL(fileURLWithPath: cardsFile))
    engines = try catalog.cards.map(CardEngine.init(content:))
} catch {
    fail("virtual-cps: \(error)")
}
let rack = CardRack(engines: engines, readers: options.readers)
if options.insertAtStart {
    for reader in 0..<min(options.readers, engines.count) {
        try? rack.insert(reader: reader, cardID: nil)
    }
}
let server = ControlServer(path: options.control, rack: rack)
do {
    try server.start()
} catch {
    fail("virtual-cps: \(error)", code: 3)
}
for index in 0..<options.readers {
    ReaderSlot(index: index, host: options.host, port: options.port + UInt16(index), rack: rack).start()
}
let ports = (0..<options.readers).map { String(Int(options.port) + $0) }.joined(separator: ",")
FileHandle.standardOutput.write(
    Data("{\"ready\":true,\"control\":\"\(options.control)\",\"vpcdPorts\":[\(ports)]}\n".utf8))
signal(SIGPIPE, SIG_IGN)
while true {
    sleep(3600)
}
