extension CardEngine {
    /// SELECT: by FID (P1 00/02), by DF name (04), by path from the MF (08) or from the current DF (09; a path that
    /// starts with 3F00 is taken from the MF, as the CPS3 expects). P2 04/00 asks for the FCP, 0C for nothing.
    mutating func select(_ command: Command) -> [UInt8] {
        guard [0x00, 0x04, 0x0C].contains(command.p2) else {
            return Self.status(0x6A86)
        }
        let target: (path: [CardFile], file: CardFile)?
        switch command.p1 {
        case 0x00, 0x02:
            guard command.data.count == 2 else {
                if command.data.isEmpty && command.p1 == 0x00 {
                    return finishSelect(([masterFile], masterFile), command)
                }
                return Self.status(0x6700)
            }
            target = selectFileID(UInt16(command.data[0]) << 8 | UInt16(command.data[1]))
        case 0x04:
            guard let application = masterFile.application(aid: command.data) else {
                return Self.status(0x6A82)
            }
            target = ([masterFile, application], application)
        case 0x08, 0x09:
            guard !command.data.isEmpty, command.data.count % 2 == 0 else {
                return Self.status(0x6700)
            }
            var ids: [UInt16] = stride(from: 0, to: command.data.count, by: 2).map {
                UInt16(command.data[$0]) << 8 | UInt16(command.data[$0 + 1])
            }
            var start = command.p1 == 0x08 ? [masterFile] : state.volatile.currentDF
            if ids.first == CPS3Constants.masterFile {
                start = [masterFile]
                ids.removeFirst()
            }
            target = walk(from: start, ids: ids)
        default:
            return Self.status(0x6A86)
        }
        guard let target else {
            return Self.status(0x6A82)
        }
        return finishSelect(target, command)
    }

    private mutating func finishSelect(_ target: (path: [CardFile], file: CardFile), _ command: Command) -> [UInt8] {
        if target.file.isDedicated {
            state.volatile.currentDF = target.path
            state.volatile.currentEF = nil
        } else {
            state.volatile.currentDF = Array(target.path.dropLast())
            state.volatile.currentEF = target.file
        }
        if command.p2 == 0x0C {
            return Self.status(0x9000)
        }
        return respondLater(target.file.controlParameters)
    }

    private func selectFileID(_ fileID: UInt16) -> (path: [CardFile], file: CardFile)? {
        if fileID == CPS3Constants.masterFile {
            return ([masterFile], masterFile)
        }
        let currentDF = state.volatile.currentDF
        guard let directory = currentDF.last else {
            return nil
        }
        if let child = directory.child(fileID: fileID) {
            return (currentDF + [child], child)
        }
        // A sibling DF or an EF of the parent, as ISO allows.
        if currentDF.count >= 2, let sibling = currentDF[currentDF.count - 2].child(fileID: fileID) {
            return (Array(currentDF.dropLast()) + [sibling], sibling)
        }
        return nil
    }

    private func walk(from start: [CardFile], ids: [UInt16]) -> (path: [CardFile], file: CardFile)? {
        var path = start
        for id in ids {
            guard let directory = path.last, directory.isDedicated, let child = directory.child(fileID: id) else {
                return nil
            }
            path.append(child)
        }
        guard let file = path.last else {
            return nil
        }
        return (path, file)
    }

    /// READ BINARY on the current EF, or on a short-file-identifier EF (P1 = 1xxxxxxx) of the current DF or the MF.
    mutating func readBinary(_ command: Command) -> [UInt8] {
        let file: CardFile
        let offset: Int
        if command.p1 & 0x80 != 0 {
            let sfi = command.p1 & 0x1F
            guard
                let found = state.volatile.currentDF.last?.child(shortFileID: sfi) ?? masterFile.child(shortFileID: sfi)
            else {
                return Self.status(0x6A82)
            }
            file = found
            state.volatile.currentEF = found
            offset = Int(command.p2)
        } else {
            guard let current = state.volatile.currentEF else {
                return Self.status(0x6986)
            }
            file = current
            offset = Int(command.p1 & 0x7F) << 8 | Int(command.p2)
        }
        guard let content = file.content else {
            return Self.status(0x6981)
        }
        guard command.data.isEmpty, let wanted = command.le else {
            return Self.status(0x6700)
        }
        guard offset < content.count else {
            return Self.status(0x6B00)
        }
        let available = content.count - offset
        if wanted > available {
            return [0x6C, UInt8(truncatingIfNeeded: available)]
        }
        return Array(content[offset..<offset + wanted]) + Self.status(0x9000)
    }
}
