import CZlib
import NIOCore

/// Decompresses gzip bodies in tests, with the same zlib the server compresses with.
public enum Gunzip {
    /// The decompressed bytes, or `nil` if `data` is not a complete gzip stream.
    public static func decompress(_ data: ByteBuffer) -> [UInt8]? {
        var stream = z_stream()
        guard inflateInit2_(&stream, 15 + 16, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else { return nil }
        defer { inflateEnd(&stream) }
        var input = Array(data.readableBytesView)
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        input.withUnsafeMutableBufferPointer { inputBytes in
            stream.next_in = inputBytes.baseAddress
            stream.avail_in = uInt(inputBytes.count)
            while status == Z_OK {
                chunk.withUnsafeMutableBufferPointer { chunkBytes in
                    stream.next_out = chunkBytes.baseAddress
                    stream.avail_out = uInt(chunkBytes.count)
                    status = inflate(&stream, Z_NO_FLUSH)
                    output.append(contentsOf: chunkBytes[0..<(chunkBytes.count - Int(stream.avail_out))])
                }
            }
        }
        return status == Z_STREAM_END ? output : nil
    }
}
