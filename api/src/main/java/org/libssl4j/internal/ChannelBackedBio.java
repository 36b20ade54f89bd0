package org.libssl4j.internal;

import java.nio.channels.SocketChannel;

/** A BIO over a socket channel, so that {@code Ssl.getChannel()} ({@code SSL_get_fd}) finds the channel. */
public interface ChannelBackedBio {
    /** The channel the BIO reads and writes. */
    SocketChannel channel();
}
