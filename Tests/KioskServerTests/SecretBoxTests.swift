import Foundation
import KioskServer
import Testing

/// Secrets sealed with the operator's key.
@Suite("Secrets sealed with the operator's key")
struct SecretBoxTests {
    let key = [UInt8](repeating: 7, count: 32)

    @Test("a sealed secret opens with its key only; without a key, secrets are kept as they are")
    func sealing() throws {
        let box = SecretBox(key: key)
        let sealed = try box.seal("smtp://kiosk:hunter2@mail.example.org:587")
        #expect(sealed.hasPrefix("sealed:v1:") && !sealed.contains("hunter2"))
        #expect(try box.seal("same") != box.seal("same"), "each seal has its own nonce")
        #expect(try box.open(sealed) == "smtp://kiosk:hunter2@mail.example.org:587")
        #expect(try box.open("smtp://plain@mail.example.org") == "smtp://plain@mail.example.org", "a value kept before the key was set still opens")
        let other = #expect(throws: SecretBoxError.self) { try SecretBox(key: [UInt8](repeating: 8, count: 32)).open(sealed) }
        #expect(other?.description.contains("another key") == true)
        let none = #expect(throws: SecretBoxError.self) { try SecretBox(key: nil).open(sealed) }
        #expect(none?.description.contains("KIOSK_SECRET_KEY_FILE") == true)
        #expect(try SecretBox(key: nil).seal("kept") == "kept")
        var damaged = Array(sealed)
        damaged[damaged.count - 3] = damaged[damaged.count - 3] == "A" ? "B" : "A"
        #expect(throws: SecretBoxError.self) { try box.open(String(damaged)) }
    }

    @Test("a key is 32 bytes in base64")
    func keys() throws {
        #expect(try SecretBox.key(from: Data(key).base64EncodedString() + "\n") == key)
        #expect(throws: SecretBoxError.self) { try SecretBox.key(from: Data([1, 2, 3]).base64EncodedString()) }
        #expect(throws: SecretBoxError.self) { try SecretBox.key(from: "not base64 at all") }
    }
}
