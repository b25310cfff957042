import { Controller } from '@nestjs/common';
import { moviePb } from '@cinema/contracts';
import { CatalogChangesService } from './lifecycle/catalog-changes.service';
import { ShowtimeChangesService } from './lifecycle/showtime-changes.service';
import { MoviesService } from './movies/movies.service';
import { ShowtimesService } from './showtimes/showtimes.service';
import { TheatersService } from './theaters/theaters.service';

@Controller()
@moviePb.MovieServiceControllerMethods()
export class CatalogController implements moviePb.MovieServiceController {
  constructor(
    private readonly movies: MoviesService,
    private readonly theaters: TheatersService,
    private readonly showtimes: ShowtimesService,
    private readonly showtimeChanges: ShowtimeChangesService,
    private readonly catalogChanges: CatalogChangesService,
  ) {}

  listMovies(req: moviePb.ListMoviesRequest) {
    return this.movies.list(req);
  }

  getMovie(req: moviePb.GetMovieRequest) {
    return this.movies.get(req.id);
  }

  createMovie(req: moviePb.MovieInput) {
    return this.movies.create(req);
  }

  updateMovie(req: moviePb.UpdateMovieRequest) {
    return this.movies.update(req);
  }

  listShowtimes(req: moviePb.ListShowtimesRequest) {
    return this.showtimes.list(req);
  }

  getShowtime(req: moviePb.GetShowtimeRequest) {
    return this.showtimes.get(req.id);
  }

  createShowtime(req: moviePb.CreateShowtimeRequest) {
    return this.showtimes.create(req);
  }

  getShowtimeSeating(req: moviePb.GetShowtimeRequest) {
    return this.showtimes.seating(req.id);
  }

  cancelShowtime(req: moviePb.GetShowtimeRequest) {
    return this.showtimes.cancel(req.id);
  }

  listTheaters(req: moviePb.ListTheatersRequest) {
    return this.theaters.list(req);
  }

  getTheater(req: moviePb.GetTheaterRequest) {
    return this.theaters.get(req.id);
  }

  createTheater(req: moviePb.CreateTheaterRequest) {
    return this.theaters.createTheater(req);
  }

  createRoom(req: moviePb.CreateRoomRequest) {
    return this.theaters.createRoom(req);
  }

  getRoomLayout(req: moviePb.GetRoomLayoutRequest) {
    return this.theaters.layout(req.roomId);
  }

  updateShowtime(req: moviePb.UpdateShowtimeRequest) {
    return this.showtimeChanges.update(req);
  }

  updateTheater(req: moviePb.UpdateTheaterRequest) {
    return this.catalogChanges.updateTheater(req);
  }

  updateRoom(req: moviePb.UpdateRoomRequest) {
    return this.catalogChanges.updateRoom(req);
  }

  retireMovie(req: moviePb.RetireRequest) {
    return this.catalogChanges.retireMovie(req);
  }

  retireTheater(req: moviePb.RetireRequest) {
    return this.catalogChanges.retireTheater(req);
  }

  retireRoom(req: moviePb.RetireRequest) {
    return this.catalogChanges.retireRoom(req);
  }
}
