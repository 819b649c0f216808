"""Local Kafka and Elasticsearch for development, without Docker (``scout services``).

Artifacts come from Maven Central through Maven, are verified against pinned sha256s and
cached under ``settings.services_home``; the services run detached on 127.0.0.1.

Error codes (``ServiceError``):

    SCOUT-E101  no Java, or Java older than 17
    SCOUT-E102  Maven (``mvn``) missing for a first download
    SCOUT-E103  download from Maven Central failed
    SCOUT-E104  a downloaded artifact failed verification
    SCOUT-E105  a port is in use or configured twice
    SCOUT-E106  a service exited during start-up (the error shows its log tail)
    SCOUT-E107  a service did not become healthy in time
    SCOUT-E108  Elasticsearch's non-root user cannot be created or reach its files
    SCOUT-E109  a service could not be stopped
    SCOUT-E110  a service runs with other settings (port, version) than asked for
"""

from streams.services.manager import SERVICE_NAMES, ServicesManager, ServiceStatus

__all__ = ["SERVICE_NAMES", "ServiceStatus", "ServicesManager"]
