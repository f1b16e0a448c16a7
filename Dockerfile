# syntax=docker/dockerfile:1
#
# One image recipe for every application of the stack. Build the jars first, then name the
# module's jar (a glob matching exactly one file is fine):
#
#   ./mvnw -DskipTests package
#   docker build --build-arg JAR_FILE='web-bff/target/web-bff-*.jar' -t bff-template/web-bff:0.1.0-SNAPSHOT .
#
# compose.yaml does this for every application; deploy/README.md shows it for Kubernetes.

FROM eclipse-temurin:17-jre AS extract
WORKDIR /build
ARG JAR_FILE
COPY ${JAR_FILE} application.jar
# Spring Boot's layered extraction: dependencies change rarely and the application often,
# so a rebuild after a code change ships one small layer instead of the whole fat jar.
RUN java -Djarmode=tools -jar application.jar extract --layers --destination extracted

FROM eclipse-temurin:17-jre
# A numeric user so that Kubernetes' runAsNonRoot can verify it without reading /etc/passwd.
RUN groupadd --system --gid 10001 app \
	&& useradd --system --uid 10001 --gid app --no-create-home --shell /usr/sbin/nologin app
WORKDIR /application
# Owned by root and only readable by the app user: the process cannot change its own code.
COPY --from=extract /build/extracted/dependencies/ ./
COPY --from=extract /build/extracted/spring-boot-loader/ ./
COPY --from=extract /build/extracted/snapshot-dependencies/ ./
COPY --from=extract /build/extracted/application/ ./
USER 10001:10001
# Size the heap from the container's memory limit and die (to be restarted) rather than limp
# on after an OutOfMemoryError. The only writable path the JVM needs is /tmp.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=70 -XX:+ExitOnOutOfMemoryError -Djava.io.tmpdir=/tmp"
ENTRYPOINT ["java", "-jar", "application.jar"]
