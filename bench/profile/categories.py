"""Where a JVM's CPU went, by feature, from async-profiler's collapsed stacks.

Each sample is charged to the innermost frame that belongs to a known feature (so a HashMap lookup made by the
observation code counts as observation). JVM-internal categories (JIT, GC, kernel) only match native frames.
Usage: python3 categories.py profile.collapsed
"""
import collections
import sys

NATIVE_ONLY = {"JIT compiler", "GC", "kernel: socket I/O, epoll"}
CATEGORIES = [
    ("JIT compiler", ["Compile", "Phase", "C2", "Matcher", "PhaseChaitin", "IndexSet", "Node::", "Dict::"]),
    ("GC", ["GC", "Scavenge", "DefNew", "Tenured", "SerialHeap", "G1", "PSParallel", "Gang"]),
    ("context propagation (thread locals, MDC)",
     ["io/micrometer/context", "ContextPropagation", "RestoringThreadLocals", "ReactorContextAccessor"]),
    ("observation + tracing",
     ["io/micrometer/observation", "io/micrometer/tracing", "io/opentelemetry", "ObservationWebFilterChainDecorator"]),
    ("metrics", ["io/micrometer/core", "DownstreamMetrics"]),
    ("logging", ["ch/qos/logback", "org/slf4j"]),
    ("JSON (Jackson)", ["jackson"]),
    ("Redis client (Lettuce, Spring Data Redis)", ["io/lettuce", "springframework/data/redis"]),
    ("session (Spring Session, encryption)",
     ["springframework/session", "WebSession", "tokenhandler/session", "javax/crypto", "com/sun/crypto"]),
    ("Spring Security", ["org/springframework/security", "tokenhandler"]),
    ("resilience (breaker, limits, retry)", ["resilience4j", "netflix/concurrency", "starter/downstream"]),
    ("the edge's own filters (hygiene, forwarding, rate limit, admission)", ["dev/bfftemplate/edge"]),
    ("fan-out + screen code", ["dev/bfftemplate"]),
    ("WebClient", ["web/reactive/function/client", "http/client/reactive"]),
    ("Reactor Netty client + pool", ["reactor/netty/http/client", "reactor/netty/resources", "reactor/netty/internal"]),
    ("Reactor Netty server", ["reactor/netty/http/server"]),
    ("Spring WebFlux (dispatch, codecs, filters)",
     ["org/springframework/web", "org/springframework/http", "org/springframework/core"]),
    ("Spring Cloud Gateway", ["org/springframework/cloud/gateway"]),
    ("Reactor operators", ["reactor/core", "reactor/util", "itable stub", "vtable stub"]),
    ("Netty (pipeline, buffers, HTTP codec)", ["io/netty"]),
    ("kernel: socket I/O, epoll", ["send", "recv", "writev", "epoll", "read", "write", "syscall"]),
]


def category(frames):
    for frame in reversed(frames):
        native = "/" not in frame
        for name, patterns in CATEGORIES:
            if name in NATIVE_ONLY and not native:
                continue
            if any(pattern in frame for pattern in patterns):
                return name
    return "other (JVM runtime, allocation, java.*)"


def main(path):
    total = 0
    samples = collections.Counter()
    with open(path) as lines:
        for line in lines:
            stack, _, count = line.rstrip().rpartition(" ")
            count = int(count)
            total += count
            samples[category(stack.split(";"))] += count
    print(f"{total} samples")
    print()
    print("| where | share of CPU samples |")
    print("|---|---|")
    for name, count in samples.most_common():
        print(f"| {name} | {100 * count / total:.1f} % |")


if __name__ == "__main__":
    main(sys.argv[1])
