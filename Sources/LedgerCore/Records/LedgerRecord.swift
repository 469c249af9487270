import Foundation

/// Any record the store holds. The folder a record lives in is its type.
public enum LedgerRecord: Hashable, Sendable {
    case artifact(ArtifactRecord)
    case availability(AvailabilityEvent)
    case experiment(ExperimentRecord)
    case manifest(ManifestRecord)
    case license(LicenseRecord)
    case seal(SealRecord)

    public enum RecordType: String, CaseIterable, Sendable, Codable {
        case artifact, availability, experiment, manifest, license, seal

        /// The folder under `ledgers/<ledger>/` holding this type.
        public var folder: String {
            switch self {
            case .artifact: return "artifacts"
            case .availability: return "events"
            case .experiment: return "experiments"
            case .manifest: return "manifests"
            case .license: return "licenses"
            case .seal: return "seals"
            }
        }

        public var schema: String {
            switch self {
            case .artifact: return ArtifactRecord.currentSchema
            case .availability: return AvailabilityEvent.currentSchema
            case .experiment: return ExperimentRecord.currentSchema
            case .manifest: return ManifestRecord.currentSchema
            case .license: return LicenseRecord.currentSchema
            case .seal: return SealRecord.currentSchema
            }
        }

        public init?(folder: String) {
            guard let match = Self.allCases.first(where: { $0.folder == folder }) else { return nil }
            self = match
        }
    }

    public var type: RecordType {
        switch self {
        case .artifact: return .artifact
        case .availability: return .availability
        case .experiment: return .experiment
        case .manifest: return .manifest
        case .license: return .license
        case .seal: return .seal
        }
    }
}

extension LedgerRecord: Encodable {
    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .artifact(let value): try value.encode(to: encoder)
        case .availability(let value): try value.encode(to: encoder)
        case .experiment(let value): try value.encode(to: encoder)
        case .manifest(let value): try value.encode(to: encoder)
        case .license(let value): try value.encode(to: encoder)
        case .seal(let value): try value.encode(to: encoder)
        }
    }
}
