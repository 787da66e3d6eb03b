# Build: docker compose build (or docker build -t kvalitetsarbete .)
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -ntp -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN mvn -B -ntp -q -DskipTests package

FROM eclipse-temurin:17-jre
# Swedish time for the container too (the application sets its own zone from kvalitet.time-zone).
ENV TZ=Europe/Stockholm
RUN useradd --system --home /app kvalitet
WORKDIR /app
COPY --from=build /src/target/kvalitetsarbete-*.jar app.jar
USER kvalitet
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
