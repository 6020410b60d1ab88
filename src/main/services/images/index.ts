export { createImagesService, type ImagesService, type ImagesServiceDeps } from './images-service';
