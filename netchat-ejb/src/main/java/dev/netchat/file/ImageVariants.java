package dev.netchat.file;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Optional;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Decodes uploaded images with bounded memory and re-encodes them. Only pixels are written back, so metadata
 * such as EXIF location never reaches a viewer. Huge images are decoded subsampled (a 25 MB PNG can declare a
 * billion pixels); beyond {@link #MAX_PIXELS} they are not decoded at all and stay plain files.
 */
final class ImageVariants {

    static final long MAX_PIXELS = 200_000_000L;

    private ImageVariants() {}

    /** A decoded image: its full size and its pixels, subsampled to at most about twice {@code maxEdge}. */
    record Decoded(int width, int height, BufferedImage pixels) {}

    static Optional<Decoded> decode(InputStream in, String mediaType, int maxEdge) {
        try (ImageInputStream iis = ImageIO.createImageInputStream(in)) {
            Iterator<ImageReader> readers = ImageIO.getImageReadersByMIMEType(mediaType);
            if (iis == null || !readers.hasNext()) {
                return Optional.empty();
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(iis, true, true);
                int width = reader.getWidth(0);
                int height = reader.getHeight(0);
                if (width < 1 || height < 1 || (long) width * height > MAX_PIXELS) {
                    return Optional.empty();
                }
                ImageReadParam param = reader.getDefaultReadParam();
                int step = Math.max(1, Math.max(width, height) / (maxEdge * 2));
                param.setSourceSubsampling(step, step, 0, 0);
                return Optional.of(new Decoded(width, height, reader.read(0, param)));
            } finally {
                reader.dispose();
            }
        } catch (IOException | RuntimeException e) {
            // Not an image ImageIO can read after all (truncated, CMYK JPEG, ...): it stays a plain file.
            return Optional.empty();
        }
    }

    /** The image scaled to fit a box of {@code maxEdge}, never enlarged. */
    static BufferedImage fit(BufferedImage source, int maxEdge) {
        double scale = Math.min(1.0, (double) maxEdge / Math.max(source.getWidth(), source.getHeight()));
        int w = Math.max(1, (int) Math.round(source.getWidth() * scale));
        int h = Math.max(1, (int) Math.round(source.getHeight() * scale));
        return draw(source, 0, 0, source.getWidth(), source.getHeight(), w, h);
    }

    /** The largest centred square of the image, scaled to {@code edge}. */
    static BufferedImage square(BufferedImage source, int edge) {
        int side = Math.min(source.getWidth(), source.getHeight());
        int x = (source.getWidth() - side) / 2;
        int y = (source.getHeight() - side) / 2;
        return draw(source, x, y, side, side, edge, edge);
    }

    private static BufferedImage draw(BufferedImage source, int sx, int sy, int sw, int sh, int w, int h) {
        // Always opaque RGB, transparency flattened onto white: every variant is a JPEG.
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = out.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
            g.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.drawImage(source, 0, 0, w, h, sx, sy, sx + sw, sy + sh, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    /** The image as a JPEG, with no metadata. */
    static byte[] jpeg(BufferedImage image) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        try (MemoryCacheImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
            writer.setOutput(out);
            ImageWriteParam param = writer.getDefaultWriteParam();
            param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
            param.setCompressionQuality(0.85f);
            writer.write(null, new IIOImage(image, null, null), param);
        } finally {
            writer.dispose();
        }
        return bytes.toByteArray();
    }
}
