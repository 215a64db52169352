# The application image used by docker-compose.yml: built with the Maven wrapper, run on a Java 17 JRE.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp dependency:go-offline
COPY src src
COPY bpmn bpmn
RUN ./mvnw -B -ntp package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 miic
WORKDIR /app
COPY --from=build /src/target/miic-exchange-onboarding-*.jar /app/app.jar
USER miic
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
