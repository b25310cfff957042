// movie-service: implementation in progress
