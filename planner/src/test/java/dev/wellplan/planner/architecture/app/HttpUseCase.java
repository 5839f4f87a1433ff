package dev.wellplan.planner.architecture.app;

import java.time.Instant;

import jakarta.ws.rs.core.Response;

/** What ArchitectureTest must refuse: a use case that answers in HTTP and reads the machine's clock. */
public final class HttpUseCase {

    public Response enroll() {
        return Response.status(201).lastModified(java.util.Date.from(Instant.now())).build();
    }
}
