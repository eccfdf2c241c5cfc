import ArgumentParser
import Foundation
import KioskCore
import KioskServer
import Logging
import KioskStore

/// `kiosk user`: newsroom accounts from the command line, for the first administrator and for
/// getting back in when a password is lost.
struct UserCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user", abstract: "Create newsroom accounts and reset passwords.",
        subcommands: [CreateUser.self, ResetPassword.self])
}

/// `kiosk user create`: makes an account; the password is asked for, never taken from the command line.
struct CreateUser: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a newsroom account. The password is asked on the terminal, or read from standard input when it is not one.")

    @OptionGroup var storage: StorageOptions

    @Option(help: "The address to sign in with.")
    var email: String

    @Option(help: "The person's name, also used for their author profile.")
    var name: String

    @Option(help: "admin, editor or contributor.")
    var role: String

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            guard let role = Role(rawValue: role.lowercased()) else {
                throw Messages.Refusal("the role must be admin, editor or contributor, not “\(role)”.")
            }
            let address = try EmailAddress(email)
            let password = try PasswordPrompt.read(email: address, name: name)
            let new = try NewUser(email: address, name: name, role: role, passwordHash: try await PasswordHasher().hash(password))
            let user = try await settings.database.withStore(logger: Logger(label: "kiosk")) { store in try await store.createUser(new, now: Date()) }
            print("Created \(user.role.displayName.lowercased()) \(user.name) <\(user.email)>. Sign in at /admin/login.")
        }
    }
}

/// `kiosk user reset-password`: sets a new password and signs the account out everywhere.
struct ResetPassword: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reset-password",
        abstract: "Set a new password for an account and end its sessions. The password is asked on the terminal, or read from standard input.")

    @OptionGroup var storage: StorageOptions

    @Option(help: "The account's address.")
    var email: String

    func run() async throws {
        try await Kiosk.reportingErrors {
            let settings = try await Settings.load(storage: storage)
            let address = try EmailAddress(email)
            try await settings.database.withStore(logger: Logger(label: "kiosk")) { store in
                guard let account = try await store.credentials(email: address) else {
                    throw Messages.Refusal("there is no account with the address \(address).")
                }
                let password = try PasswordPrompt.read(email: address, name: account.user.name)
                try await store.changePassword(account.user.id, passwordHash: try await PasswordHasher().hash(password))
                try await store.clearAttempts(keys: [LoginThrottle.keys(email: address.rawValue, address: "").account])
                print("Changed the password of \(account.user.name) <\(address)> and signed them out everywhere.")
            }
        }
    }
}

/// Reads a new password without echoing it on a terminal, or as one line of standard input otherwise.
enum PasswordPrompt {
    static func read(email: EmailAddress, name: String) throws -> String {
        let password: String
        if isatty(STDIN_FILENO) == 1 {
            let first = try readHidden("New password: ")
            let second = try readHidden("Same password again: ")
            guard first == second else { throw Messages.Refusal("the two passwords are not the same.") }
            password = first
        } else {
            guard let line = readLine(strippingNewline: true) else {
                throw Messages.Refusal("no password on standard input; pipe one line, or run from a terminal to be asked.")
            }
            password = line
        }
        try PasswordPolicy.check(password, email: email, name: name)
        return password
    }

    private static func readHidden(_ prompt: String) throws -> String {
        FileHandle.standardError.write(Data(prompt.utf8))
        var saved = termios()
        tcgetattr(STDIN_FILENO, &saved)
        var hidden = saved
        hidden.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(STDIN_FILENO, TCSANOW, &hidden)
        defer {
            tcsetattr(STDIN_FILENO, TCSANOW, &saved)
            FileHandle.standardError.write(Data("\n".utf8))
        }
        guard let line = readLine(strippingNewline: true) else { throw Messages.Refusal("no password was typed.") }
        return line
    }
}
