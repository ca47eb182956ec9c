# Build with the SDK, run on the slim ASP.NET runtime as a non-root user.
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
COPY global.json Directory.Build.props Directory.Packages.props Platform.sln appsettings.json ./
COPY src/ src/
COPY migrations/ migrations/
RUN dotnet publish src/Host/Host.csproj -c Release -o /app --nologo

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
ENV ASPNETCORE_URLS=http://+:8080
EXPOSE 8080
USER app
ENTRYPOINT ["dotnet", "Platform.Host.dll"]
